namespace GherkinEngine.BoDi;

/// <summary>
/// The per-scenario dependency container (Reqnroll's BoDi <c>IObjectContainer</c>). Binding classes and
/// their constructor parameters are created on first use, one instance per type per scenario.
/// </summary>
public interface IObjectContainer : IDisposable
{
    /// <summary>Registers an existing object; the container disposes it only when <paramref name="dispose"/> is true.</summary>
    void RegisterInstanceAs<TInterface>(TInterface instance, string? name = null, bool dispose = false) where TInterface : class;

    void RegisterInstanceAs(object instance, Type interfaceType, string? name = null, bool dispose = false);

    /// <summary>Resolves <typeparamref name="TInterface"/> by creating a <typeparamref name="TType"/> (once per container).</summary>
    void RegisterTypeAs<TType, TInterface>(string? name = null) where TType : class, TInterface;

    /// <summary>Resolves <typeparamref name="TInterface"/> by calling the factory (once per container).</summary>
    void RegisterFactoryAs<TInterface>(Func<IObjectContainer, TInterface> factory, string? name = null);

    T Resolve<T>();
    T Resolve<T>(string name);
    object Resolve(Type typeToResolve, string? name = null);
    bool IsRegistered<T>(string? name = null);
    bool IsRegistered(Type type, string? name = null);
}
