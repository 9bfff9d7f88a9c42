using Bogus;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// The people of one scenario, by the names the feature uses. Each gets a fresh identity
/// (Bogus name, unique email, a password that meets the policy), so scenarios never share users.
/// </summary>
public sealed class People(EnvironmentContext environment)
{
    private readonly Dictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Faker _faker = new();

    public Person this[string alias] => Named(alias);

    /// <summary>Everyone the scenario has named so far.</summary>
    public IReadOnlyList<Person> All
    {
        get { lock (_people) return [.. _people.Values]; }
    }

    public Person Named(string alias)
    {
        // Locked: crowd scenarios look people up from many tasks at once, and Faker is not thread-safe.
        lock (_people) return NamedLocked(alias);
    }

    private Person NamedLocked(string alias)
    {
        if (_people.TryGetValue(alias, out var person)) return person;
        var lastName = _faker.Name.LastName();
        var unique = Guid.NewGuid().ToString("N")[..10];
        var email = $"{Slug(alias)}.{Slug(lastName)}.{unique}@{environment.Environment.Settings.TestEmailDomain}";
        person = new Person(alias, $"{alias} {lastName}", email, StrongPassword());
        _people[alias] = person;
        return person;
    }

    /// <summary>A password that satisfies the contract's policy: upper, lower, digit and symbol, 8–128 characters.</summary>
    /// <summary>A password that meets every rule but the length: upper, lower, digit and symbol, padded to the length.</summary>
    public static string StrongPassword(int length) => ("Aa1!" + Guid.NewGuid().ToString("N")).PadRight(length, 'x')[..length];

    public string StrongPassword()
    {
        lock (_people) return $"{_faker.Internet.Password(12, memorable: false)}Aa7!";
    }

    private static string Slug(string text) => new(text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
