/// What staff may write as a note of what the phone showed: a description of a screen, never their own data.
public enum ReviewNote {
    /// True when `text` looks like it holds personal data (a phone or ID number, an email, a code): it is refused
    /// and asked again, with the kiosk's own personal-data rules.
    public static func looksPersonal(_ text: String) -> Bool { PersonalDataGuard.check(text) != nil }
}
