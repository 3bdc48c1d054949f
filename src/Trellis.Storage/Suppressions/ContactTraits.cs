namespace Trellis.Storage;

/// <summary>
/// Which profile trait holds a person's address on which channel (SPEC §3 rule 2). A claim loads the
/// suppressions of exactly these addresses with each person, so the engine decides without a query.
/// Only string values count (a structured postal address is not matched).
/// </summary>
public static class ContactTraits
{
    public static IReadOnlyList<(string Channel, string Trait)> All { get; } =
    [
        ("email", "email"),
        ("sms", "phone"),
        ("push", "push_token"),
        ("direct_mail", "address"),
    ];
}
