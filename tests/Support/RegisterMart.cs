using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>A <see cref="TestMart"/> on the small test register and an <see cref="ExactNameMatcher"/> over it (the built-in matcher is out of scope).</summary>
internal static class RegisterMart
{
    public static Task<TestMart> CreateAsync(
        ExactNameMatcher? matcher = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null,
        string? databasePath = null)
    {
        matcher ??= new ExactNameMatcher(TestAuthorities.Register());
        return TestMart.CreateAsync(
            services =>
            {
                services.AddSingleton(matcher.Register);
                services.AddSingleton<IAuthorityMatcher>(matcher);
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }

                configure?.Invoke(services);
            },
            databasePath is null ? null : new Dictionary<string, string?> { ["Mart:ConnectionString"] = $"Data Source={databasePath}" });
    }

    /// <summary>Ingests CSV bytes as a file of that name.</summary>
    public static Task<Pipeline.Submissions.SubmissionOutcome> IngestAsync(this TestMart mart, byte[] content, string fileName, DateTimeOffset? receivedAt = null) =>
        mart.IngestAsync(new MemoryStream(content), fileName, receivedAt);
}
