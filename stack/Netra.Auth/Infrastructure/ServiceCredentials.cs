using System.Security.Cryptography;
using System.Text;

namespace Netra.Auth.Infrastructure;

/// <summary>Service-to-service calls carry X-Service-ID and X-Service-Secret (= SERVICE_SECRET).</summary>
public static class ServiceCredentials
{
    public const string IdHeader = "X-Service-ID";
    public const string SecretHeader = "X-Service-Secret";

    /// <summary>The 401 answer to an administrative call without valid service credentials; null when they are valid.</summary>
    public static IResult? Refusal(HttpRequest request, AuthSettings settings) =>
        IsValid(request, settings)
            ? null
            : Netra.Auth.Infrastructure.Problems.Of(StatusCodes.Status401Unauthorized,
                $"Service credentials required: {IdHeader} and {SecretHeader} headers.");

    /// <summary>True if the request names a service and its secret matches. Without SERVICE_SECRET, nothing does.</summary>
    public static bool IsValid(HttpRequest request, AuthSettings settings)
    {
        if (settings.ServiceSecret is null) return false;
        var id = request.Headers[IdHeader].ToString();
        var secret = request.Headers[SecretHeader].ToString();
        if (string.IsNullOrWhiteSpace(id) || secret.Length == 0) return false;
        // Constant-time, so the secret cannot be guessed byte by byte from response times.
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(settings.ServiceSecret));
    }
}
