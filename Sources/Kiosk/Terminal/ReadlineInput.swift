@preconcurrency import CReadline
import Glibc
import Guides
import Synchronization

/// What readline's line handler received, passed out of the C callback.
private let received = Mutex<ReceivedLine?>(nil)

/// A completed line, or end of input (Ctrl-D on an empty line).
private enum ReceivedLine: Sendable {
    case line(String)
    case endOfInput
}

/// Typed bytes that passed the input filter, waiting for readline (it reads them through `filteredGetc`).
private let filteredInput = Mutex<[UInt8]>([])

/// Set when the terminal reported end of input: readline then reads EOF.
private let inputEnded = Mutex<Bool>(false)

/// The filter of typed bytes (it keeps a sequence cut between two reads).
private let inputFilter = Mutex(InputFilter())

/// Readline's source of bytes: the filtered ones; EOF once the terminal ended and nothing is left. Should readline
/// want a byte nobody has typed yet (the rest of a key sequence), it waits for it here, filtered too.
private func filteredGetc(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    while true {
        if let byte = filteredInput.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return Int32(byte) }
        if inputEnded.withLock({ $0 }) { return EOF }
        // Nothing typed yet: wait a moment, then give readline Ctrl-G (abort), so the idle timer and the signals are
        // served by the kiosk's own loop, never by a read that blocks.
        var descriptor = pollfd(fd: fileno(rl_instream), events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 1000) <= 0 { return 7 }
        var byte: UInt8 = 0
        let count = Glibc.read(fileno(rl_instream), &byte, 1)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return EOF }
        let clean = inputFilter.withLock { $0.filter([byte]) }
        filteredInput.withLock { $0 += clean }
    }
}

/// Readline restores the terminal's cooked mode (echo on) whenever a line ends; between two lines the kernel would
/// then echo typed bytes itself, unfiltered. The kiosk keeps readline's mode until it stops (`restore`).
private func keepTerminalPrepared() {}

/// Tells readline whether filtered bytes wait (it asks when deciding whether a key sequence goes on).
private func filteredInputAvailable() -> Int32 { filteredInput.withLock { $0.isEmpty } ? 0 : 1 }

/// What Tab offers for the typed line, set by the kiosk for the visitor's language.
private let completer = Mutex<(@Sendable (String) -> [String])?>(nil)

/// Readline's line handler: takes ownership of the malloc'ed line and stops the callback interface, as CPython does.
private func lineHandler(_ raw: UnsafeMutablePointer<CChar>?) {
    if let raw {
        let text = String(cString: raw)
        free(raw)
        received.withLock { $0 = .line(text) }
    } else {
        received.withLock { $0 = .endOfInput }
    }
    rl_callback_handler_remove()
}

/// Tab completion: the titles of the guides the kiosk's search finds for the whole typed line, best first; never
/// file names. The array is built here rather than by `rl_completion_matches`, so that readline neither sorts the
/// titles nor replaces what was typed by a common beginning that does not continue it.
private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let typed = text.map { String(cString: $0) } ?? ""
    guard let complete = completer.withLock({ $0 }), !typed.allSatisfy(\.isWhitespace) else { return nil }
    let titles = complete(typed)
    guard let first = titles.first else { return nil }
    var substitution = first
    if titles.count > 1 {
        // The common beginning of the titles, when it continues what was typed; else the typed text stays.
        var common = Substring(first)
        for title in titles.dropFirst() {
            common = common.prefix(zip(common, title).prefix { $0 == $1 }.count)
        }
        substitution = TextFolding.continues(String(common), typed) && common.count > typed.count ? String(common) : typed
    }
    let list = titles.count == 1 ? [substitution] : [substitution] + titles
    guard let matches = malloc((list.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: list.count + 1) else { return nil }
    for (index, title) in list.enumerated() {
        guard let copy = strdup(title) else {
            // Out of memory: no completion rather than a list cut short.
            for earlier in 0..<index { free(matches[earlier]) }
            free(matches)
            return nil
        }
        matches[index] = copy
    }
    matches[list.count] = nil
    return matches
}

/// GNU readline driven through its callback interface and `poll`, so idleness is noticed while waiting for a key.
/// The only file that calls `rl_*`.
final class ReadlineInput: LineInput {
    /// Sets the locale so multibyte editing works (falls back to C.UTF-8) and configures readline for a kiosk.
    init() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        rl_readline_name = UnsafePointer(strdup("kiosk"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_attempted_completion_function = attemptCompletion
        // Readline reads only bytes that passed the filter: nothing it echoes can drive the terminal.
        rl_getc_function = filteredGetc
        rl_deprep_term_function = keepTerminalPrepared
        rl_input_available_hook = filteredInputAvailable
        // The whole line is one "word", so Tab completes full titles.
        rl_completer_word_break_characters = UnsafePointer(strdup("\n"))
        stifle_history(50)
        // Readline keeps text deleted with Ctrl-U, Ctrl-W or Ctrl-K in a kill ring it never clears and does not let
        // a program clear. Nothing may be yanked back, so one visitor's deleted text never reaches the next: read
        // the inputrc files first, then unbind every yank command in every keymap.
        rl_initialize()
        // After the inputrc files, so none of them can turn these back on: no bracketed paste (a paste is read key by
        // key, within the line limit), no pager or question that would read keys outside the callback loop.
        rl_variable_bind("enable-bracketed-paste", "off")
        rl_variable_bind("horizontal-scroll-mode", "off")
        rl_variable_bind("page-completions", "off")
        rl_variable_bind("completion-query-items", "10000")
        // Titles are listed best first, as search ranked them.
        rl_sort_completion_matches = 0
        for name in ["emacs", "emacs-meta", "emacs-ctlx", "vi-insert", "vi-command"] {
            guard let keymap = rl_get_keymap_by_name(name) else { continue }
            rl_unbind_function_in_map(rl_yank, keymap)
            rl_unbind_function_in_map(rl_yank_pop, keymap)
            rl_unbind_function_in_map(rl_yank_nth_arg, keymap)
            rl_unbind_function_in_map(rl_yank_last_arg, keymap)
            rl_unbind_function_in_map(rl_vi_yank_arg, keymap)
            rl_unbind_function_in_map(rl_vi_put, keymap)
        }
    }

    func setCompletions(_ complete: @escaping @Sendable (String) -> [String]) { completer.withLock { $0 = complete } }

    /// True while the rest of an overlong line is skipped, up to its end.
    private var skippingLine = false

    /// True while readline's line handler is installed: a line is being typed (possibly empty).
    private var typing = false
    /// The screen was redrawn under the line being typed.
    private var redisplayNeeded = false

    func read(prompt: String, deadline: UInt64?) -> ReadEvent {
        if !typing {
            received.withLock { $0 = nil }
            rl_callback_handler_install(prompt, lineHandler)
            typing = true
        } else if redisplayNeeded {
            // The half-typed line survives a redraw (a resize, the idle warning dismissed): show it again.
            rl_on_new_line()
            rl_redisplay()
        }
        redisplayNeeded = false
        while true {
            // Bytes already filtered (typed ahead of a finished line) are handed to readline first.
            if !filteredInput.withLock({ $0.isEmpty }), let event = feedReadline() { return event }
            switch InputWait.wait(fd: fileno(rl_instream), until: deadline, hangupFirst: true) {
            case .ready:
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { Glibc.read(fileno(rl_instream), $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    inputEnded.withLock { $0 = true }
                    rl_callback_read_char()
                    inputEnded.withLock { $0 = false }
                    typing = false
                    received.withLock { $0 = nil }
                    return .endOfInput
                }
                var clean = inputFilter.withLock { $0.filter(chunk[..<count]) }
                if skippingLine {
                    guard let end = clean.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { continue }
                    clean.removeSubrange(...end)
                    skippingLine = false
                }
                guard !clean.isEmpty else { continue }
                filteredInput.withLock { $0 += clean }
                if let event = feedReadline() { return event }
                return .keystroke
            case .timeout:
                return .timeout
            case .interrupt:
                dropLine()
                return .interrupt
            case .terminate, .hangup:
                dropLine()
                return .terminate
            case .resize:
                rl_resize_terminal()
                return .resize
            case .failed:
                dropLine()
                return .endOfInput
            }
        }
    }

    func screenWasRedrawn() { redisplayNeeded = typing }

    /// Lets readline read the filtered bytes, one key at a time; the event once a line is finished or too long.
    private func feedReadline() -> ReadEvent? {
        while !filteredInput.withLock({ $0.isEmpty }) {
            rl_callback_read_char()
            if let line = received.withLock({ $0 }) {
                typing = false
                received.withLock { $0 = nil }
                switch line {
                case .line(let text): return .line(text)
                case .endOfInput: return .endOfInput
                }
            }
            // A paste of a whole file stops at the limit: the line is dropped, never read, and so is the rest of it
            // still to come, up to its end.
            if rl_end > Int32(PlainInput.maximumLineBytes) {
                dropLine()
                filteredInput.withLock { $0.removeAll() }
                skippingLine = true
                return .overlong
            }
        }
        return nil
    }

    /// Discards the line being typed and leaves callback mode (restoring the terminal's normal mode).
    private func dropLine() {
        rl_replace_line("", 1)
        rl_free_undo_list()
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_callback_handler_remove()
        typing = false
    }

    func remember(_ line: String) {
        add_history(line)
    }

    func forgetEverything() {
        if typing { dropLine() }
        // Keys typed ahead belong to the visitor who is gone, whether read already or still in the kernel.
        filteredInput.withLock { $0.removeAll() }
        tcflush(fileno(rl_instream), TCIFLUSH)
        skippingLine = false
        rl_replace_line("", 1)
        rl_free_undo_list()
        clear_history()
    }

    func restore() {
        rl_callback_handler_remove()
        // Now the terminal goes back to how it was.
        rl_deprep_term_function = rl_deprep_terminal
        rl_deprep_terminal()
        clear_history()
    }
}
