using Reqnroll.Formatters.PayloadProcessing;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace XunitV3Adapter.Plugin;

/// <summary>
/// A file attached with <c>IReqnrollOutputHelper.AddAttachment</c> goes to Reqnroll's formatters (Reqnroll does
/// that itself) and, through this handler, to xUnit's test result as well.
/// </summary>
public sealed class XunitAttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        if (TestContext.Current.Test is null || !File.Exists(filePath))
        {
            base.AddAttachment(filePath);
            return;
        }
        var name = Path.GetFileName(filePath);
        // xUnit wants unique names per test; a second file of the same name gets its folder's name in front.
        if (TestContext.Current.Attachments?.ContainsKey(name) == true)
            name = $"{Path.GetFileName(Path.GetDirectoryName(filePath))}-{name}";
        TestContext.Current.AddAttachment(name, File.ReadAllBytes(filePath), FileExtensionToMimeTypeMap.GetMimeType(Path.GetExtension(filePath)));
    }
}
