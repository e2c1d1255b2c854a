;;; e2e.el --- Emacs + eglot end-to-end test of fazhi  -*- lexical-binding: t -*-
;; emacs -Q --batch -L Editors/emacs -l Editors/emacs/test/e2e.el   (FAZHI_BIN, FAZHI_E2E_DIR set by e2e.sh)
;; Opens a report with a Chinese file name, waits for a fazhi diagnostic, edits the buffer (so that the
;; document version moves on), applies a quick fix through `eglot-code-actions', checks that the buffer
;; changed, reads imenu, and checks that a notes.txt gets no diagnostics.

(require 'cl-lib)
(require 'package)
(require 'fazhi-eglot)
(require 'imenu)

(defvar e2e-passed 0)
(defvar e2e-failed 0)
(defun e2e-check (name ok &optional detail)
  (if ok (cl-incf e2e-passed) (cl-incf e2e-failed))
  (princ (format "%s %s%s\n" (if ok "PASS" "FAIL") name (if (and detail (not ok)) (format "：%s" detail) "")))
  ok)

(defun e2e-wait (pred &optional seconds)
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun e2e-fazhi-diags ()
  (cl-remove-if-not (lambda (d) (string-match-p "fazhi\\|\\[" (format "%s" (flymake-diagnostic-text d))))
                    (flymake-diagnostics)))

(let* ((dir (file-name-as-directory (getenv "FAZHI_E2E_DIR")))
       (bin (getenv "FAZHI_BIN"))
       (record (getenv "FAZHI_RECORD"))
       (here (file-name-directory (or load-file-name buffer-file-name)))
       (report (expand-file-name "黄河镇2024年度法治政府建设情况报告.txt" dir)))
  (setq fazhi-program bin)
  (when (and record (not (string= record "")))
    (setq eglot-server-programs
          (cons `((text-mode markdown-mode) . ("python3" ,(expand-file-name "../../conformance/lsp_record.py" here)
                                                 ,record "--" ,bin "lsp"))
                eglot-server-programs)))
  ;; A folder is its own project (no version control needed).
  (add-hook 'project-find-functions (lambda (d) (cons 'transient (file-name-directory (expand-file-name d)))))
  (setq eglot-sync-connect 10 eglot-connect-timeout 30)
  (princ (format "INFO Emacs %s, eglot %s\n" emacs-version
                 (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "built-in")))
  (find-file report)
  (unless (derived-mode-p 'text-mode) (text-mode))
  (eglot-ensure)
  (e2e-wait (lambda () (eglot-current-server)) 10)
  (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
  (e2e-check "eglot 已连接中文文件名的报告" (eglot-current-server))
  (e2e-check "收到 fazhi 诊断" (e2e-wait (lambda () (flymake-diagnostics))) (buffer-string))
  ;; Type something so that the document version is no longer the one of didOpen.
  (goto-char (point-max))
  (insert "　　全年开展普法活动5场。\n")
  (e2e-wait (lambda () nil) 1)
  (let* ((before (buffer-string))
         (diag (cl-find-if (lambda (d) (string-match-p "截至" (flymake-diagnostic-text d))) (flymake-diagnostics)))
         (chosen nil))
    (e2e-check "诊断指出“截止目前”" diag (mapconcat #'flymake-diagnostic-text (flymake-diagnostics) " | "))
    (when diag
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (princ (format "INFO 代码操作：%S\n" (mapcar #'car collection)))
                   (setq chosen (cl-find-if (lambda (title) (string-match-p "截至" title)) (mapcar #'car collection)))
                   chosen)))
        ;; As if invoked from the keyboard (a list here would mean a mouse menu).
        (condition-case err
            (let ((last-nonmenu-event ?\r)) (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) nil t))
          (error (e2e-check "代码操作没有出错" nil (error-message-string err))))))
    (e2e-check "选择了快速修复" chosen)
    (e2e-check "快速修复改动了当前缓冲区" (e2e-wait (lambda () (string-match-p "截至目前" (buffer-string))) 5)
               (buffer-string))
    (e2e-check "没有打开第二个同名缓冲区"
               (= 1 (cl-count-if (lambda (b) (string-match-p "2024年度法治政府建设情况报告" (buffer-name b))) (buffer-list)))
               (mapconcat #'buffer-name (buffer-list) ", "))
    (ignore before))
  ;; A new report not yet saved (nothing on disk to match the buffer by): the fix must reach this buffer.
  (let ((draft (expand-file-name "新建报告草稿.txt" dir)) (chosen nil))
    (find-file draft)
    (unless (derived-mode-p 'text-mode) (text-mode))
    (eglot-ensure)
    (e2e-wait (lambda () (eglot-current-server)) 10)
    (insert-file-contents (expand-file-name "黄河镇2024年度法治政府建设情况报告.txt" dir))
    ;; eglot sends changes from an idle timer, and batch Emacs is never idle.
    (eglot--signal-textDocument/didChange)
    (let ((diag nil))
      ;; Flymake too runs from idle timers: run it when eglot holds findings Flymake has not shown.
      (e2e-wait (lambda () (when (and eglot--diagnostics (null (flymake-diagnostics))) (flymake-start))
                  (setq diag (cl-find-if (lambda (d) (string-match-p "截至" (flymake-diagnostic-text d)))
                                                  (flymake-diagnostics)))))
      (e2e-check "未保存的新报告收到诊断" diag)
      (when diag
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_p collection &rest _)
                     (setq chosen (cl-find-if (lambda (title) (string-match-p "截至" title)) (mapcar #'car collection))))))
          (condition-case err
              (let ((last-nonmenu-event ?\r))
                (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) nil t))
            (error (e2e-check "未保存的新报告：代码操作没有出错" nil (error-message-string err)))))))
    (e2e-check "未保存的新报告：快速修复改动了当前缓冲区" (string-match-p "截至目前" (buffer-string)))
    (e2e-check "未保存的新报告：没有打开第二个缓冲区"
               (= 1 (cl-count-if (lambda (b) (string-match-p "新建报告草稿" (buffer-name b))) (buffer-list)))
               (mapconcat #'buffer-name (buffer-list) ", ")))
  (switch-to-buffer (get-file-buffer report))
  ;; imenu: group names and entries.
  (let* ((index (imenu--make-index-alist t))
         (groups (mapcar #'car index)))
    (princ (format "INFO imenu 分组：%S\n" groups))
    (e2e-check "imenu 有 Module 分组（一、部分）" (assoc "Module" index) (format "%S" groups))
    (e2e-check "imenu 没有 Namespace/Class 之类的分组" (not (or (assoc "Namespace" index) (assoc "Class" index))) (format "%S" groups)))
  ;; A note is not a report.
  (find-file (expand-file-name "notes.txt" dir))
  (eglot-ensure)
  (e2e-wait (lambda () (eglot-current-server)) 10)
  (e2e-wait (lambda () nil) 2)
  (e2e-check "notes.txt 没有诊断" (null (flymake-diagnostics)) (mapconcat #'flymake-diagnostic-text (flymake-diagnostics) " | "))
  (fazhi-check-document)
  (e2e-check "fazhi-check-document 之后 notes.txt 得到检查" (e2e-wait (lambda () (flymake-diagnostics)) 10)
             (format "eglot--diagnostics=%d report-fn=%s flymake-mode=%s running=%S log=%s" (length eglot--diagnostics)
                     (and eglot--current-flymake-report-fn t) flymake-mode (flymake-running-backends)
                     (if (get-buffer "*Flymake log*") (with-current-buffer "*Flymake log*" (buffer-string)) "")))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (princ (format "%d passed, %d failed\n" e2e-passed e2e-failed))
  (kill-emacs (if (> e2e-failed 0) 1 0)))
