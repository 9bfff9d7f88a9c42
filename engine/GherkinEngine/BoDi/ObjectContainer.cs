using System.Reflection;

namespace GherkinEngine.BoDi;

/// <summary>
/// A small context-injection container. Lookup order: own registrations and created objects, then the
/// parent's (feature → scenario). Unregistered concrete types are created with their public
/// constructor that has the most parameters, resolved recursively. Objects it created (and instances
/// registered with dispose: true) are disposed in reverse creation order.
/// </summary>
public sealed class ObjectContainer : IObjectContainer, IAsyncDisposable
{
    private readonly ObjectContainer? _parent;
    private readonly object _lock = new();
    private readonly Dictionary<(Type, string?), object> _instances = new();
    private readonly Dictionary<(Type, string?), Func<object>> _factories = new();
    private readonly List<object> _owned = new();
    private readonly List<Type> _resolving = new();
    private bool _disposed;

    public ObjectContainer(ObjectContainer? parent = null)
    {
        _parent = parent;
        _instances[(typeof(IObjectContainer), null)] = this;
        _instances[(typeof(ObjectContainer), null)] = this;
    }

    public void RegisterInstanceAs<TInterface>(TInterface instance, string? name = null, bool dispose = false) where TInterface : class =>
        RegisterInstanceAs(instance, typeof(TInterface), name, dispose);

    public void RegisterInstanceAs(object instance, Type interfaceType, string? name = null, bool dispose = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(interfaceType);
        lock (_lock)
        {
            _instances[(interfaceType, name)] = instance;
            if (dispose)
                _owned.Add(instance);
        }
    }

    public void RegisterTypeAs<TType, TInterface>(string? name = null) where TType : class, TInterface
    {
        lock (_lock)
            _factories[(typeof(TInterface), name)] = () => Resolve(typeof(TType));
    }

    public void RegisterFactoryAs<TInterface>(Func<IObjectContainer, TInterface> factory, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (_lock)
            _factories[(typeof(TInterface), name)] = () => factory(this) ?? throw new ObjectContainerException($"The factory of {typeof(TInterface).Name} returned null.");
    }

    public T Resolve<T>() => (T)Resolve(typeof(T));

    public T Resolve<T>(string name) => (T)Resolve(typeof(T), name);

    public object Resolve(Type typeToResolve, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(typeToResolve);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryGetExisting(typeToResolve, name, out var existing))
                return existing;
            if (_factories.TryGetValue((typeToResolve, name), out var factory))
                return Track(typeToResolve, name, Guard(typeToResolve, factory));
            if (_parent is not null && _parent.TryResolveRegistered(typeToResolve, name, out var fromParent))
                return fromParent;
            if (name is not null)
                throw new ObjectContainerException($"No object of type {typeToResolve.Name} is registered with the name '{name}'.");
            return Track(typeToResolve, null, Guard(typeToResolve, () => Create(typeToResolve)));
        }
    }

    public bool IsRegistered<T>(string? name = null) => IsRegistered(typeof(T), name);

    public bool IsRegistered(Type type, string? name = null)
    {
        lock (_lock)
            return _instances.ContainsKey((type, name)) || _factories.ContainsKey((type, name)) || (_parent?.IsRegistered(type, name) ?? false);
    }

    /// <summary>Parents hand out what they hold (registered or already created); children create the rest.</summary>
    private bool TryResolveRegistered(Type type, string? name, out object instance)
    {
        lock (_lock)
        {
            if (TryGetExisting(type, name, out instance))
                return true;
            if (_factories.TryGetValue((type, name), out var factory))
            {
                instance = Track(type, name, Guard(type, factory));
                return true;
            }
        }
        if (_parent is not null)
            return _parent.TryResolveRegistered(type, name, out instance);
        instance = null!;
        return false;
    }

    private bool TryGetExisting(Type type, string? name, out object instance) => _instances.TryGetValue((type, name), out instance!);

    private object Track(Type type, string? name, object instance)
    {
        _instances[(type, name)] = instance;
        if (!_owned.Contains(instance))
            _owned.Add(instance);
        return instance;
    }

    /// <summary>Detects circular constructor dependencies and reports the chain.</summary>
    private object Guard(Type type, Func<object> create)
    {
        if (_resolving.Contains(type))
        {
            var chain = _resolving.SkipWhile(t => t != type).Append(type).Select(t => t.Name);
            throw new ObjectContainerException($"Circular dependency: {string.Join(" -> ", chain)}.");
        }
        _resolving.Add(type);
        try
        {
            return create();
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
    }

    private object Create(Type type)
    {
        if (type.IsInterface || type.IsAbstract)
            throw new ObjectContainerException(
                $"Cannot create {MethodDescriber.TypeName(type)}: it is an interface or abstract class. Register an implementation first, e.g. container.RegisterInstanceAs<{type.Name}>(...) in a [BeforeScenario] hook.");
        if (type.IsPrimitive || type == typeof(string) || type.IsValueType)
            throw new ObjectContainerException($"Cannot create {MethodDescriber.TypeName(type)} by injection: register an instance of it first.");

        var constructor = ConstructorCache.For(type);
        var parameters = constructor.GetParameters();
        var args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
            args[i] = Resolve(parameters[i].ParameterType);
        try
        {
            return constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, args, null);
        }
        catch (Exception e) when (e is not ObjectContainerException)
        {
            throw new ObjectContainerException($"The constructor of {MethodDescriber.TypeName(type)} threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Disposes what this container created, newest first; throws (aggregated) if any disposal failed.</summary>
    public async ValueTask DisposeAsync()
    {
        object[] owned;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            owned = _owned.AsEnumerable().Reverse().ToArray();
            _owned.Clear();
        }
        var errors = new List<Exception>();
        foreach (var instance in owned)
        {
            try
            {
                if (instance is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else if (instance is IDisposable disposable)
                    disposable.Dispose();
            }
            catch (Exception e)
            {
                errors.Add(new ObjectContainerException($"Disposing {MethodDescriber.TypeName(instance.GetType())} failed: {e.Message}", e));
            }
        }
        if (errors.Count == 1)
            throw errors[0];
        if (errors.Count > 1)
            throw new AggregateException("Disposing scenario objects failed.", errors);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static class ConstructorCache
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ConstructorInfo> Cache = new();

        public static ConstructorInfo For(Type type) => Cache.GetOrAdd(type, t =>
            t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ObjectContainerException($"Cannot create {MethodDescriber.TypeName(t)}: it has no public constructor."));
    }
}
