/// One recorded voice of one line: `locales/audio/<lang>/<owner>/<part>.wav`, with the Vietnamese text it was recorded
/// for beside it in `<part>.txt`.
public struct Recording: Hashable, Sendable {
    /// The line identity (`khai-sinh/dang-nhap:body`, `ui:key.staff`).
    public let key: String
    /// The sound file.
    public let audio: String
    /// The Vietnamese text the speaker read (or translated) when recording; nil when the `.txt` beside it is missing
    /// or unreadable, which makes the recording stale.
    public let recordedFor: String?
    /// Why the sound file cannot be played (empty, not WAV, no sound), nil when it can; such a file is never handed
    /// to the player.
    public var problem: String?
    /// How long it plays, when it can.
    public var seconds: Double?

    /// The file name of `key` under a language's folder: the identity with its last `:` as a folder separator
    /// (`khai-sinh/dang-nhap/body`, `ui/key.staff`), since no part after the `:` holds a `/`.
    public static func relativePath(of key: String) -> String? {
        guard let colon = key.lastIndex(of: ":"), !key[key.index(after: colon)...].contains("/") else { return nil }
        let path = String(key[..<colon]) + "/" + key[key.index(after: colon)...]
        // Never out of the language's folder, never hidden: every part a plain name.
        guard path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") })
        else { return nil }
        return path
    }

    /// The identity of the file at `relative` (without its extension), the inverse of `relativePath(of:)`.
    static func key(ofRelative relative: Substring) -> String? {
        guard let slash = relative.lastIndex(of: "/"), slash != relative.startIndex else { return nil }
        return relative[..<slash] + ":" + relative[relative.index(after: slash)...]
    }

    /// True when this recording still says what `source` says (the Vietnamese of the line now).
    public func isFresh(for source: String) -> Bool { recordedFor == source }

    /// True when it is fresh for `source` and its file can be played.
    public func isPlayable(for source: String) -> Bool { problem == nil && isFresh(for: source) }
}
