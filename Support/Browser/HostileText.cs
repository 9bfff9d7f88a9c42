namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// Text that a page which renders messages as HTML would turn into elements and scripts: an image whose
/// error handler runs, a script element, formatting tags, and an entity. Shown as text, it appears exactly
/// as written; run, it sets <see cref="RanMarker"/> on the page's window.
/// </summary>
public static class HostileText
{
    public const string RanMarker = "__netraMarkupRan";

    public const string Question =
        $"<img src=x onerror=\"window.{RanMarker}='the question'\"><script>window.{RanMarker}='a script in the question'</script> Is <i>this</i> &amp; safe?";

    public const string Answer =
        $"<b>Bold</b> advice: <img src=y onerror=\"window.{RanMarker}='the answer'\"> <a href=\"javascript:alert(1)\">cut costs</a> &lt;now&gt;";
}
