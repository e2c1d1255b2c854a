import Foundation

// Entry point: `fazhi <command> [options]`. Each command lives in its own file.

#if os(Linux)
    @_silgen_name("mallopt") private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
    // Each lint allocates and frees a few buffers the size of the text. Keep freed memory in the heap
    // instead of returning it to the kernel after every keystroke (page faults and zeroing each time).
    _ = glibcMallopt(-3, 64 << 20)  // M_MMAP_THRESHOLD
    _ = glibcMallopt(-1, 128 << 20)  // M_TRIM_THRESHOLD
#endif
// A write past RLIMIT_FSIZE should fail with EFBIG (SafeWriter then removes its temporary file and
// reports it), not kill the process with SIGXFSZ half-way.
_ = signal(SIGXFSZ, SIG_IGN)
let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
