using System.Text.RegularExpressions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>No secret is committed: storage keys, connection strings with keys, SAS signatures, passwords.</summary>
public sealed partial class RepositorySecretsTests
{
    // Azurite's well-known development key is public and documented; anything else that looks like a key is not.
    private const string AzuriteDevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "TestResults", "data"];

    [Fact]
    public void No_file_in_the_repository_holds_an_account_key_sas_signature_or_password()
    {
        var findings = new List<string>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match match in SecretPattern().Matches(text))
            {
                if (match.Value.Contains(AzuriteDevelopmentKey, StringComparison.Ordinal) || IsPlaceholder(match.Value))
                {
                    continue;
                }

                findings.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {match.Value[..Math.Min(60, match.Value.Length)]}");
            }
        }

        Assert.True(findings.Count == 0, "Possible secrets:\n" + string.Join('\n', findings));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ssp;AccountKey=" + "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0==")]
    [InlineData("https://ssp.blob.core.windows.net/x?sv=2024-01-01&sig=" + "abcDEF123%2Bxyz456abcDEF123abcDEF123")]
    [InlineData("Server=tcp:x.database.windows.net;Password=" + "Hunter2Hunter2!")]
    public void The_scan_recognises_real_looking_secrets(string secret) =>
        Assert.Matches(SecretPattern(), secret);

    private static bool IsPlaceholder(string value) =>
        value.Contains('<', StringComparison.Ordinal) || value.Contains("{", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal)
        || value.Contains("...", StringComparison.Ordinal) || value.Contains('…', StringComparison.Ordinal);

    private static IEnumerable<string> SourceFiles()
    {
        var stack = new Stack<string>([RepositoryPaths.Root]);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    stack.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                if (new FileInfo(file).Length < 2_000_000 && Path.GetExtension(file) is not (".xlsx" or ".xls" or ".parquet" or ".db" or ".png" or ".dll"))
                {
                    yield return file;
                }
            }
        }
    }

    [GeneratedRegex(@"AccountKey=[A-Za-z0-9+/=]{20,}|SharedAccessSignature=[^;""\s]{10,}|[?&]sig=[A-Za-z0-9%+/=]{20,}|(?i:password|pwd)\s*=\s*[^;""\s<{$]{6,}|-----BEGIN (RSA |EC )?PRIVATE KEY-----")]
    private static partial Regex SecretPattern();
}
