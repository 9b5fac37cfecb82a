// The namespaces nearly every endpoint, model and infrastructure file here uses; each file keeps only its own extras.
global using System.Security.Claims;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Samverkan.Participants.Infrastructure;
global using Samverkan.Participants.Model;
global using Samverkan.ServiceDefaults.Messaging;
