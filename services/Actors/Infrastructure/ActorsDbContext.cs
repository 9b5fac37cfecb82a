using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Infrastructure;

public sealed class ActorsDbContext(DbContextOptions<ActorsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Collaboration> Collaborations => Set<Collaboration>();
    public DbSet<CollaborationMember> CollaborationMembers => Set<CollaborationMember>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<AssessmentRound> AssessmentRounds => Set<AssessmentRound>();
    public DbSet<AssessmentSubmission> AssessmentSubmissions => Set<AssessmentSubmission>();
    public DbSet<Governance> Governance => Set<Governance>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ErasedParticipant> ErasedParticipants => Set<ErasedParticipant>();
    public DbSet<CoFinancingPlan> CoFinancingPlans => Set<CoFinancingPlan>();
    public DbSet<ParticipantMonthHours> ParticipantMonthHours => Set<ParticipantMonthHours>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActorsDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
