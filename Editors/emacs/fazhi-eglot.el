;;; fazhi-eglot.el --- Check rule-of-law government reports with fazhi through eglot  -*- lexical-binding: t -*-

;; Works with Emacs 28 + elpa-eglot (Debian 12: apt-get install elpa-eglot elpa-markdown-mode) and with
;; the eglot built into Emacs 29 and later.
;;
;;   (add-to-list 'load-path "/path/to/fazhi/Editors/emacs")
;;   (require 'fazhi-eglot)
;;   (fazhi-eglot-setup)                  ; start eglot for .txt and Markdown files
;;
;; Commands: `fazhi-check-document' (check a file that does not look like a report).

;;; Code:

(require 'eglot)
(require 'url-util)

(defgroup fazhi nil
  "法治政府建设年度报告检查（fazhi 语言服务器）。"
  :group 'tools)

(defcustom fazhi-program "fazhi"
  "The fazhi program: a name found on `exec-path' or an absolute path."
  :type 'string)

(defun fazhi--contact (&rest _)
  "The command line of the language server."
  (list fazhi-program "lsp"))

(add-to-list 'eglot-server-programs '((text-mode markdown-mode) . fazhi--contact))

;; eglot before 1.13 (the one Debian 12 ships for Emacs 28) turns %-escapes of a file: URI into raw bytes
;; instead of decoding them as UTF-8, so the edits of a code action on a file with a Chinese name are
;; applied to a second buffer visiting "\351\273\204…", which fails with "Edits on … require version N,
;; you have 0". Decode such paths as UTF-8; paths that are already text are left alone.
(defun fazhi--decode-raw-path (path)
  "PATH with raw bytes decoded as UTF-8 (eglot 1.9–1.12)."
  (if (and (stringp path)
           (multibyte-string-p path)
           (cl-some (lambda (c) (>= c #x3fff80)) path)
           (cl-every (lambda (c) (or (< c #x80) (>= c #x3fff80))) path))
      (decode-coding-string
       (apply #'unibyte-string (mapcar (lambda (c) (if (>= c #x3fff80) (- c #x3fff00) c)) path))
       'utf-8)
    path))

(advice-add 'eglot--uri-to-path :filter-return #'fazhi--decode-raw-path)

(defun fazhi--maybe-start ()
  "Start eglot in plain-text reports (not in every mode derived from `text-mode')."
  (when (and buffer-file-name
             (string-match-p "\\.\\(txt\\|md\\)\\'" buffer-file-name)
             (or (eq major-mode 'text-mode) (derived-mode-p 'markdown-mode)))
    (eglot-ensure)))

;;;###autoload
(defun fazhi-eglot-setup ()
  "Start the fazhi language server for .txt and Markdown files."
  (add-hook 'find-file-hook #'fazhi--maybe-start))

;;;###autoload
(defun fazhi-check-document ()
  "Check the current file even though it does not look like a report."
  (interactive)
  (let ((server (eglot--current-server-or-lose)))
    ;; The server publishes the findings before it answers; Flymake shows them at once only when it has
    ;; asked eglot before (else on the next edit), so let it ask first.
    (when (bound-and-true-p flymake-mode) (flymake-start))
    (eglot-execute-command server 'fazhi.checkDocument
                           (vector (list :uri (eglot--path-to-uri buffer-file-name))))
    (message "法治：已要求检查 %s" (file-name-nondirectory buffer-file-name))))

(provide 'fazhi-eglot)
;;; fazhi-eglot.el ends here
