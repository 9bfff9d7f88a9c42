namespace Netra.Acceptance.Support.Evidence;

/// <summary>Records each HTTP exchange of a driver into the scenario's transcript.</summary>
public sealed class RecordingHandler(HttpMessageHandler inner, ScenarioTranscript transcript) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        transcript.Trace.AddTo(request.Headers);
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            // Buffer the body so the driver can still read it after we do.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
            transcript.HttpExchange($"{request.Method} {request.RequestUri}", requestBody,
                $"{(int)response.StatusCode} {response.ReasonPhrase}", responseBody);
            return response;
        }
        catch (Exception e)
        {
            transcript.HttpExchange($"{request.Method} {request.RequestUri}", requestBody, $"no answer: {e.Message}", null);
            throw;
        }
    }
}
