using Samverkan.Actors.Apis;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.UnitTests;

public sealed class AgreementVersioningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static AgreementTerms Terms(decimal hours = 400, bool mandate = true, AgreementForm form = AgreementForm.Written) => new()
    {
        Form = form,
        Contributions = [new Contribution { Kind = ContributionKind.StaffHours, Quantity = hours, Unit = "hours" }],
        ValidFrom = new(2026, 1, 1),
        ValidTo = new(2026, 12, 31),
        Signatories = [new Signatory { Name = "Anna Andersson", Title = "Förvaltningschef", HasMandate = mandate }],
    };

    private static Agreement Draft(AgreementTerms? terms = null) => Agreement.Draft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), terms ?? Terms(), T0);

    [Fact]
    public void A_new_agreement_is_a_draft_version_1_with_nothing_in_force()
    {
        var a = Draft();
        Assert.Equal(AgreementStatus.Draft, a.Status);
        Assert.Equal(1, Assert.Single(a.Versions).Number);
        Assert.Null(a.InForce);
    }

    [Fact]
    public void Signing_puts_the_draft_in_force()
    {
        var a = Draft();
        Assert.Null(a.Sign(T0.AddDays(1)));
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Equal(1, a.InForce!.Number);
    }

    [Fact]
    public void An_amendment_is_a_new_draft_version_and_the_signed_one_stays_in_force_until_it_is_signed()
    {
        var a = Draft();
        a.Sign(T0);
        Assert.Null(a.Amend(Terms(hours: 600), T0.AddDays(30)));

        Assert.Equal(2, a.Versions.Count);
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Equal(1, a.InForce!.Number);
        Assert.Null(a.Sign(T0.AddDays(31)));
        Assert.Equal(2, a.InForce!.Number);
        Assert.Equal(400, a.Versions[0].Terms.Contributions[0].Quantity); // history kept, unchanged
        Assert.Equal(600, a.Versions[1].Terms.Contributions[0].Quantity);
    }

    [Fact]
    public void A_signed_version_cannot_be_edited_and_a_draft_cannot_be_amended()
    {
        var a = Draft();
        Assert.NotNull(a.Amend(Terms(), T0));
        a.Sign(T0);
        Assert.Contains("amend", a.EditDraft(Terms(hours: 1), T0));
        Assert.Equal(400, a.Versions[0].Terms.Contributions[0].Quantity);
    }

    [Fact]
    public void Editing_a_draft_replaces_its_terms_without_a_new_version()
    {
        var a = Draft();
        Assert.Null(a.EditDraft(Terms(hours: 10), T0));
        Assert.Equal(10, Assert.Single(a.Versions).Terms.Contributions[0].Quantity);
    }

    [Fact]
    public void A_written_agreement_without_a_signatory_holding_a_mandate_cannot_be_signed()
    {
        var a = Draft(Terms(mandate: false));
        Assert.Contains("mandate", a.Sign(T0));
        Assert.Equal(AgreementStatus.Draft, a.Status);
    }

    [Fact]
    public void An_oral_agreement_is_signed_without_signatories()
    {
        var a = Draft(Terms(form: AgreementForm.Oral) with { Signatories = [], OralAgreedBy = "Enhetschef AME", OralAgreedOn = new(2026, 1, 5) });
        Assert.Null(a.Sign(T0));
    }

    [Fact]
    public void Only_a_signed_agreement_can_be_terminated_and_then_nothing_else()
    {
        var a = Draft();
        Assert.NotNull(a.Terminate(new(2026, 6, 30), T0));
        a.Sign(T0);
        Assert.Null(a.Terminate(new(2026, 6, 30), T0));
        Assert.Equal(AgreementStatus.Terminated, a.Status);
        Assert.NotNull(a.Amend(Terms(), T0));
        Assert.NotNull(a.Sign(T0));
        Assert.NotNull(a.Terminate(new(2026, 7, 1), T0));
    }

    [Fact]
    public void Rules_name_the_fields_of_an_oral_agreement_and_of_bad_contributions()
    {
        var errors = AgreementRules.Validate(new AgreementTermsRequest
        {
            Form = AgreementForm.Oral,
            ValidFrom = new(2026, 2, 1),
            ValidTo = new(2026, 1, 1),
            Contributions =
            [
                new ContributionRequest { Kind = ContributionKind.Intervention, Quantity = 1, Unit = "insats" },
                new ContributionRequest { Kind = ContributionKind.Funding, Quantity = 0, Unit = "SEK" },
            ],
        });
        Assert.Equal(
            ["contributions[0].description", "contributions[1].quantity", "oralAgreedBy", "oralAgreedOn", "validTo"],
            errors.Keys.Order());
    }
}
