using Microsoft.Playwright;

namespace Netra.Acceptance.Support.Browser;

public static class PageExtensions
{
    /// <summary>Every page shows problems in one banner (contract test hook `error-banner`); waits for it and reads it.</summary>
    public static async Task<string> ErrorBannerTextAsync(this IPage page)
    {
        var banner = page.GetByTestId("error-banner");
        await banner.WaitForAsync();
        return await banner.InnerTextAsync();
    }
}
