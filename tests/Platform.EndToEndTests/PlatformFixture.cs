namespace Samverkan.Platform.EndToEndTests;

/// <summary>One whole platform, on Aspire's test host, shared by the end-to-end tests of the collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestPlatform Platform { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await TestPlatform.StartAsync();
        Anonymous = Platform.CreateClient();
    }

    public HttpClient ClientFor(string role, Guid? agency = null) => Platform.ClientFor(role, agency);

    public async Task DisposeAsync()
    {
        Anonymous?.Dispose();
        if (Platform is not null)
            await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
