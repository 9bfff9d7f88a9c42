using System.Globalization;

namespace Netra.Acceptance.Support.Performance;

/// <summary>One published target measured: every sample, and the percentiles a target is judged by (nearest rank).</summary>
public sealed class Latencies(string what, IEnumerable<TimeSpan> samples, TimeSpan target)
{
    private readonly double[] _ms = [.. samples.Select(s => s.TotalMilliseconds).Order()];

    public string What { get; } = what;
    public TimeSpan Target { get; } = target;
    public int Count => _ms.Length;

    public double Percentile(double p) =>
        _ms.Length == 0 ? double.NaN : _ms[Math.Clamp((int)Math.Ceiling(p / 100 * _ms.Length) - 1, 0, _ms.Length - 1)];

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{What}: {Count} samples, p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {(_ms.Length == 0 ? double.NaN : _ms[^1]):0.0} ms; target {Target.TotalMilliseconds:0} ms");

    /// <summary>A chart of the samples, fastest to slowest, with the target as a line; written as a PNG (ScottPlot).</summary>
    public string WriteChart(string folder)
    {
        Directory.CreateDirectory(folder);
        var plot = new ScottPlot.Plot();
        double[] ranks = [.. Enumerable.Range(1, _ms.Length).Select(i => 100.0 * i / _ms.Length)];
        var samples = plot.Add.Scatter(ranks, _ms);
        samples.LegendText = "samples";
        var target = plot.Add.HorizontalLine(Target.TotalMilliseconds);
        target.LegendText = "target";
        target.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Title(What);
        plot.XLabel("share of samples at or below (%)");
        plot.YLabel("milliseconds");
        plot.ShowLegend();
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{string.Concat(What.Where(char.IsLetterOrDigit))}.png");
        plot.SavePng(file, 800, 400);
        return file;
    }
}
