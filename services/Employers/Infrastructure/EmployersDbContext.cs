using Microsoft.EntityFrameworkCore;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Infrastructure;

public sealed class EmployersDbContext(DbContextOptions<EmployersDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<KnownActor> KnownActors => Set<KnownActor>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<EmployerContact> EmployerContacts => Set<EmployerContact>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<MatchingProfile> MatchingProfiles => Set<MatchingProfile>();
    public DbSet<ParticipantConsent> ParticipantConsents => Set<ParticipantConsent>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<ErasedParticipant> ErasedParticipants => Set<ErasedParticipant>();
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();
    public DbSet<SupportContact> SupportContacts => Set<SupportContact>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmployersDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.MapCopies();
    }
}
