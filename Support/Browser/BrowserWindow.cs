using Microsoft.Playwright;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// A scenario's own browser context and page, opened on first use, with a Playwright trace
/// recording from the start so a failure can be replayed step by step.
/// </summary>
public sealed class BrowserWindow(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
{
    public static readonly float DefaultTimeoutMs = 20_000; // generous: a deadline, not a delay; success returns at once

    private IBrowserContext? _context;
    private IPage? _page;

    public bool IsOpen => _page is not null;

    public async Task<IPage> PageAsync()
    {
        if (_page is not null) return _page;
        var browser = await BrowserHost.GetAsync(environment.Environment.Settings);
        transcript.Note($"browser: Chromium {browser.Version} ready");
        _context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = environment.Endpoints.Frontend.ToString(),
            // The page's requests and its chat connection carry the scenario's trace (the services allow any header).
            ExtraHTTPHeaders = transcript.Trace.Headers(),
        });
        _context.SetDefaultTimeout(DefaultTimeoutMs);
        // DOM snapshots make the trace replayable; a screencast would double the CPU a browser
        // scenario costs, and a failure gets its own full-page screenshot anyway.
        await _context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true });
        _context.Page += (_, page) => Observe(page);
        _page = await _context.NewPageAsync();
        return _page;
    }

    private int _tabs;

    // What the page does goes into the scenario's transcript: its console, where it navigates, and every frame of
    // its chat connection, so a failed browser scenario shows what the page heard from the platform.
    private void Observe(IPage page)
    {
        var tab = ++_tabs == 1 ? "browser" : $"browser tab {_tabs}";
        page.Console += (_, message) => transcript.Note($"{tab} console {message.Type}: {message.Text}");
        page.FrameNavigated += (_, frame) => { if (frame.ParentFrame is null) transcript.Note($"{tab} at {frame.Url}"); };
        page.WebSocket += (_, socket) =>
        {
            transcript.SocketMessage(tab, "connect", socket.Url);
            socket.FrameSent += (_, frame) => transcript.SocketMessage(tab, "sent", frame.Text ?? "(binary)");
            socket.FrameReceived += (_, frame) => transcript.SocketMessage(tab, "received", frame.Text ?? "(binary)");
            socket.Close += (_, _) => transcript.SocketMessage(tab, "closed", socket.Url);
        };
    }

    /// <summary>Another tab of the same browser (same storage and session as the first page).</summary>
    public async Task<IPage> OpenAnotherTabAsync()
    {
        await PageAsync();
        return await _context!.NewPageAsync();
    }

    /// <summary>Saves a screenshot and the trace into <paramref name="folder"/>; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> SaveEvidenceAsync(string folder)
    {
        if (_page is null || _context is null) return [];
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, "screenshot.png");
        var trace = Path.Combine(folder, "trace.zip");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        await _context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
        _traceStopped = true;
        return [screenshot, trace];
    }

    private bool _traceStopped;

    public async ValueTask DisposeAsync()
    {
        if (_context is null) return;
        if (!_traceStopped) await _context.Tracing.StopAsync();
        await _context.CloseAsync();
    }
}
