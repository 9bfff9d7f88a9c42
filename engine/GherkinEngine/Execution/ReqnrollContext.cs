namespace GherkinEngine;

/// <summary>
/// The string-keyed store shared by <see cref="ScenarioContext"/> and <see cref="FeatureContext"/>
/// (same name and members as in Reqnroll).
/// </summary>
public abstract class ReqnrollContext : Dictionary<string, object>
{
    /// <summary>The error of the failing step or hook, null while everything passes.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>Stores a value under its type's full name.</summary>
    public void Set<T>(T data) => Set(data, KeyOf<T>());

    public void Set<T>(T data, string key) => this[key] = data!;

    /// <summary>Gets the value stored under the type's full name.</summary>
    public T Get<T>() => Get<T>(KeyOf<T>());

    /// <summary>Gets a value; throws <see cref="KeyNotFoundException"/> naming the key when absent.</summary>
    public T Get<T>(string key)
    {
        if (!base.TryGetValue(key, out var value))
            throw new KeyNotFoundException($"The context has no value with the key '{key}'.");
        return (T)value!;
    }

    public bool TryGetValue<T>(string key, out T value)
    {
        if (base.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    public bool TryGetValue<T>(out T value) => TryGetValue(KeyOf<T>(), out value);

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
