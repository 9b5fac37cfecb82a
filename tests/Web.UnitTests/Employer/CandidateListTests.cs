using Samverkan.Web.Components.Employer;
using Samverkan.Web.Workspaces.Employer;

namespace Samverkan.Web.UnitTests.Employer;

public sealed class CandidateListTests : BunitContext
{
    private static readonly Guid ParticipantId = Guid.Parse("0b6f6c1e-4a51-4d0e-9a43-0d8f3c6b2a11");

    private static CandidateView Candidate(int rank, string pseudonym) => new(
        rank, pseudonym, ParticipantId, 80, 100, "same-county", ["kassa"], ["truckkort"],
        [
            new("occupation", true, 30, 30, "Söker yrket 5223 (butikssäljare)."),
            new("driving-licence", false, 0, 5, "Körkort krävs men saknas."),
        ]);

    [Fact]
    public void Each_candidate_is_shown_by_pseudonym_with_every_reason_and_never_by_participant_id()
    {
        var cut = Render<CandidateList>(p => p.Add(c => c.Candidates, new CandidatesView(Guid.NewGuid(), 7, [Candidate(1, "K-7F3A"), Candidate(2, "K-19BC")])));

        Assert.Equal(["Kandidat K-7F3A", "Kandidat K-19BC"], cut.FindAll("h3").Select(h => h.TextContent));
        var reasons = cut.FindAll("table")[0];
        Assert.Equal("Skäl till matchningen för kandidat K-7F3A", reasons.QuerySelector("caption")!.TextContent);
        Assert.Contains("Söker yrket 5223 (butikssäljare).", reasons.TextContent);
        Assert.Contains("Körkort krävs men saknas.", reasons.TextContent);
        Assert.Contains("Nej", reasons.TextContent); // met or not in words, not by colour
        Assert.Contains("2 av 7 matchbara kandidater", cut.Markup);
        Assert.Contains("Samma län", cut.Markup);
        Assert.DoesNotContain(ParticipantId.ToString(), cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_candidates_says_what_makes_a_participant_a_candidate()
    {
        var cut = Render<CandidateList>(p => p.Add(c => c.Candidates, new CandidatesView(Guid.NewGuid(), 0, [])));

        Assert.Contains("visas anonymt för er organisation", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }
}
