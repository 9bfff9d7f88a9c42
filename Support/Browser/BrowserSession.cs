using Microsoft.Playwright;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// A scenario's own browser context and page, opened on first use, with a Playwright trace
/// recording from the start so a failure can be replayed step by step.
/// </summary>
public sealed class BrowserSession(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
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
        _context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = environment.Endpoints.Frontend.ToString() });
        _context.SetDefaultTimeout(DefaultTimeoutMs);
        // DOM snapshots make the trace replayable; a screencast would double the CPU a browser
        // scenario costs, and a failure gets its own full-page screenshot anyway.
        await _context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) => transcript.Note($"browser console {message.Type}: {message.Text}");
        _page.FrameNavigated += (_, frame) => { if (frame.ParentFrame is null) transcript.Note($"browser at {frame.Url}"); };
        return _page;
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
