'use strict';

// The bundled report template used by the "fazhi.insertTemplate" command when the
// language server offers no template completion. The five parts follow the
// official list of required contents of the annual report.

/**
 * Builds the template as a VS Code snippet string (with tab stops).
 * @param {Date} [now] today's date; the report covers the previous year.
 * @returns {string}
 */
function templateSnippet(now) {
  const today = now || new Date();
  const reportYear = today.getFullYear() - 1;
  const nextYear = reportYear + 1;
  const lines = [
    '${1:××镇}人民政府关于' + reportYear + '年度法治政府建设情况的报告',
    '',
    reportYear + '年，${1:××镇}${2:（概述本年度推进法治政府建设的总体情况）}现将有关情况报告如下：',
    '',
    '一、' + reportYear + '年度推进法治政府建设的主要举措和成效',
    '（一）${3:（举措）}',
    '${4:（具体做法、数据和成效）}',
    '',
    '二、' + reportYear + '年度推进法治政府建设存在的不足和原因',
    '${5:（存在的不足，以及产生不足的原因）}',
    '',
    '三、' + reportYear + '年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '${6:（党政主要负责人履职情况）}',
    '',
    '四、' + nextYear + '年度推进法治政府建设的主要安排',
    '${7:（下一年度的主要安排）}',
    '',
    '五、其他需要报告的情况',
    '${8:无。}',
    '',
    '${1:××镇}人民政府',
    nextYear + '年${9:×}月${10:×}日',
    '$0',
  ];
  return lines.join('\n');
}

/**
 * The same template as plain text (tab stops replaced by their placeholders).
 * @param {Date} [now]
 * @returns {string}
 */
function templateText(now) {
  return templateSnippet(now)
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$0/g, '');
}

module.exports = { templateSnippet, templateText };
