using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Samverkan.Employers.Apis;

namespace Samverkan.Employers.UnitTests;

public sealed class PseudonymKeyTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Employers";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(string? key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PseudonymKey.Setting] = key }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Outside_Development_a_missing_key_is_an_error_naming_the_setting(string? key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PseudonymKey.From(Settings(key), new Environment(Environments.Production)));
        Assert.Contains("Employers:PseudonymKey", error.Message);
    }

    [Fact]
    public void Development_without_a_key_uses_the_fixed_development_key() =>
        Assert.Equal(
            PseudonymKey.From(Settings(PseudonymKey.DevelopmentKey), new Environment(Environments.Production)).Bytes,
            PseudonymKey.From(Settings(null), new Environment(Environments.Development)).Bytes);

    [Fact]
    public void A_configured_key_is_used_and_different_keys_give_different_bytes()
    {
        var one = PseudonymKey.From(Settings("first-secret"), new Environment(Environments.Production));
        var two = PseudonymKey.From(Settings("second-secret"), new Environment(Environments.Development));
        Assert.NotEqual(one.Bytes, two.Bytes);
        Assert.Equal(32, one.Bytes.Length);
    }
}
