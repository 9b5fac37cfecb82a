using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Bench.EventBench;

/// <summary>
/// A steady stream of participant events for bench/reporting/run.sh's "while events flow" step: at <c>rate</c> events
/// a second, open loop (event i is due at i / rate s), an enrolment of a new participant in one of the generator's 50
/// collaborations, referred by one of its 20 actors, from one of the 290 municipalities, starting today, or (every
/// other event once there are any) the exit of one enrolled earlier in the stream, today, with a random outcome.
/// Published as Participants' outbox would, so Reporting's consumers take them as they take the real ones.
/// </summary>
public static class ParticipantStream
{
    public static async Task<string> RunAsync(Uri rabbit, double rate, double seconds, int seed)
    {
        // The generator's ids (generate.sql): md5('bench-collaboration-' || c)::uuid and md5('bench-actor-' || r)::uuid.
        var collaborations = Enumerable.Range(1, 50).Select(c => Md5Uuid($"bench-collaboration-{c}")).ToArray();
        var referrers = Enumerable.Range(1, 20).Select(r => Md5Uuid($"bench-actor-{r}")).ToArray();
        var municipalities = Municipalities.ByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var enrolled = new List<(Guid Participant, Guid Collaboration)>();

        var bus = await PlatformBus.StartAsync(rabbit);
        var total = (int)Math.Round(rate * seconds);
        int enrolments = 0, exits = 0, late = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > clock.Elapsed)
                    await Task.Delay(due - clock.Elapsed);
                else if (clock.Elapsed - due > TimeSpan.FromMilliseconds(100))
                    late++;
                if (i % 2 == 1 && enrolled.Count > 0)
                {
                    var at = random.Next(enrolled.Count);
                    var (participant, collaboration) = enrolled[at];
                    enrolled[at] = enrolled[^1];
                    enrolled.RemoveAt(enrolled.Count - 1);
                    await bus.Publish(new ParticipantExited
                    {
                        ParticipantId = participant, CollaborationId = collaboration, ExitDate = today,
                        Outcome = (ExitOutcome)random.Next(1, 8), GainedQualification = random.Next(5) == 0, ExitedAt = DateTimeOffset.UtcNow,
                    });
                    exits++;
                }
                else
                {
                    var enrolment = new ParticipantEnrolled
                    {
                        ParticipantId = Guid.NewGuid(), CollaborationId = collaborations[random.Next(collaborations.Length)],
                        Gender = (Gender)random.Next(1, 4), AgeBand = (AgeBand)random.Next(1, 6),
                        MunicipalityCode = municipalities[random.Next(municipalities.Length)],
                        ReferringActorId = referrers[random.Next(referrers.Length)], ReferralDate = today.AddDays(-7),
                        TargetGroups = [(TargetGroup)random.Next(1, 7)], StartDate = today,
                        LabourMarketStatusAtEntry = (LabourMarketStatus)random.Next(1, 5), EducationLevelAtEntry = (EducationLevel)random.Next(1, 4),
                        EnrolledAt = DateTimeOffset.UtcNow,
                    };
                    await bus.Publish(enrolment);
                    enrolled.Add((enrolment.ParticipantId, enrolment.CollaborationId));
                    enrolments++;
                }
            }
        }
        finally
        {
            await bus.StopAsync();
        }
        return $"published {enrolments + exits} events ({enrolments} enrolments, {exits} exits) in {clock.Elapsed.TotalSeconds:F1} s, " +
            $"{(enrolments + exits) / clock.Elapsed.TotalSeconds:F1}/s; {late} more than 100 ms late\n";
    }

    /// <summary>PostgreSQL's md5(text)::uuid.</summary>
    private static Guid Md5Uuid(string text) => Guid.ParseExact(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))), "N");
}
