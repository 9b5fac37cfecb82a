using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Participants.Apis;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>Identifying data is given only with a reason, and every such read is in the audit log.</summary>
public sealed class IdentifyingReadTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Read_without_a_reason_has_no_identifying_data_and_leaves_no_audit_row()
    {
        var agency = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var id = await AuthorizationTests.EnrolAsync(client, new EnrolBody { Name = "Cecilia Ström" });

        var text = await client.GetStringAsync($"/api/participants/{id}");

        Assert.DoesNotContain("9876", Ids.Without(text));
        Assert.DoesNotContain("Cecilia", text);
        Assert.DoesNotContain("birthDate", text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == id)));
    }

    [Fact]
    public async Task Identifying_read_returns_the_number_and_writes_an_audit_row()
    {
        var agency = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var id = await AuthorizationTests.EnrolAsync(client, new EnrolBody { PersonalIdentityNumber = "8112189876", Name = "Cecilia Ström" });

        var participant = await client.GetFromJsonAsync<JsonElement>($"/api/participants/{id}?reason=planning%20meeting");

        Assert.Equal("19811218-9876", participant.GetProperty("personalIdentityNumber").GetString());
        Assert.Equal("Cecilia Ström", participant.GetProperty("name").GetString());
        Assert.Equal("1981-12-18", participant.GetProperty("birthDate").GetString());
        var audit = await factory.WithDbAsync(db => db.IdentityAccessLog.AsNoTracking().SingleAsync(a => a.ParticipantId == id));
        Assert.Equal("planning meeting", audit.Reason);
        Assert.Equal(agency, audit.AgencyId);
        Assert.Equal(Roles.Caseworker, audit.Role);
        Assert.Equal(await factory.Identity.Tokens.ClientIdForAsync(Roles.Caseworker, agency), audit.Subject); // the token's subject: the agency's system
        Assert.True(audit.AccessedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Reason_may_come_in_a_header_and_the_agencys_admin_sees_every_read_of_its_participant_in_the_audit_log()
    {
        var agency = await factory.KnownActorAsync();
        var caseworker = factory.ClientFor(Roles.Caseworker, agency);
        var id = await AuthorizationTests.EnrolAsync(caseworker, new EnrolBody());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/participants/{id}");
        request.Headers.Add(ParticipantsApi.ReasonHeader, "referral follow-up");
        var read = await caseworker.SendAsync(request);
        var admin = factory.ClientFor(Roles.Admin, agency);
        await admin.GetAsync($"/api/participants/{id}?reason=data%20subject%20request");

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/participants/audit?participantId={id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("19811218-9876", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalIdentityNumber").GetString());
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, log.GetProperty("total").GetInt32());
        Assert.All(entries, e => Assert.Equal(id, e.GetProperty("participantId").GetGuid()));
        Assert.Equal(["data subject request", "referral follow-up"], entries.Select(e => e.GetProperty("reason").GetString()));
        Assert.Contains(entries, e => e.GetProperty("agencyId").GetGuid() == agency && e.GetProperty("role").GetString() == Roles.Caseworker);
    }

    [Fact]
    public async Task Audit_log_refuses_updates_and_deletes()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var id = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        await client.GetAsync($"/api/participants/{id}?reason=check");

        var update = await Assert.ThrowsAsync<PostgresException>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE identity_access_log SET reason = 'nothing' WHERE participant_id = {id}")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM identity_access_log WHERE participant_id = {id}")));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal(1, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == id && a.Reason == "check")));
    }
}
