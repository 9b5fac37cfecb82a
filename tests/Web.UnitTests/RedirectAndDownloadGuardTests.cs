using Samverkan.Web.Api;
using Samverkan.Web.SignIn;

namespace Samverkan.Web.UnitTests;

public sealed class RedirectAndDownloadGuardTests
{
    [Theory]
    [InlineData("/handlaggare?sida=2", "/handlaggare?sida=2")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void After_sign_in_a_person_returns_only_to_a_page_of_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, WebSignIn.LocalOnly(returnUrl));

    [Theory]
    [InlineData("/api/reports/collaborations/0f8fad5b-d9cb-469f-a165-70867728950e/summary?format=xlsx", true)]
    [InlineData("/api/participants/0f8fad5b-d9cb-469f-a165-70867728950e/export", true)]
    [InlineData("/api/identity/clients", false)]
    [InlineData("/api/reports/../identity/clients", false)]
    [InlineData("//evil.example/api/reports/x", false)]
    [InlineData("http://evil.example/api/reports/x", false)]
    public void Downloads_fetch_only_reports_and_participant_exports(string path, bool allowed) =>
        Assert.Equal(allowed, Downloads.IsAllowed(path));

    [Fact]
    public void A_download_link_carries_the_format_and_escapes_the_path() =>
        Assert.Equal("/ladda-ner?path=%2Fapi%2Freports%2Fregional%3Fformat%3Dcsv", Downloads.Link("/api/reports/regional", "csv"));
}
