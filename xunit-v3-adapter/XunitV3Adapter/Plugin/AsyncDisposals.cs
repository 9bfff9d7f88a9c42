using Reqnroll.BoDi;

namespace XunitV3Adapter.Plugin;

/// <summary>
/// Reqnroll's container disposes what it created only when it is <see cref="IDisposable"/>. Drivers that are only
/// <see cref="IAsyncDisposable"/> (a browser, a socket) are tracked as the scenario's or feature's container
/// creates them, and disposed, newest first, after that scenario's or feature's after-hooks, while the container
/// and everything they depend on are still alive.
/// </summary>
internal sealed class AsyncDisposals
{
    private readonly List<IAsyncDisposable> _created = [];

    public static void Track(IObjectContainer container)
    {
        var disposals = new AsyncDisposals();
        container.RegisterInstanceAs(disposals);
        container.ObjectCreated += created =>
        {
            if (created is IAsyncDisposable disposable and not IDisposable)
                lock (disposals._created)
                    disposals._created.Add(disposable);
        };
    }

    public static async Task DisposeAsync(IObjectContainer container)
    {
        if (!container.IsRegistered<AsyncDisposals>())
            return;
        var disposals = container.Resolve<AsyncDisposals>();
        IAsyncDisposable[] created;
        lock (disposals._created)
        {
            created = disposals._created.AsEnumerable().Reverse().ToArray();
            disposals._created.Clear();
        }
        List<Exception>? errors = null;
        foreach (var disposable in created)
        {
            try
            {
                await disposable.DisposeAsync();
            }
            catch (Exception e)
            {
                (errors ??= []).Add(e);
            }
        }
        if (errors is not null)
            throw errors.Count == 1 ? errors[0] : new AggregateException("Disposing the scenario's drivers failed.", errors);
    }
}
