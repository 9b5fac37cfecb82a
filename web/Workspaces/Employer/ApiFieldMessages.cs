using Microsoft.AspNetCore.Components.Forms;
using Samverkan.Web.Api;

namespace Samverkan.Web.Workspaces.Employer;

/// <summary>
/// Puts the API's field messages into a form's <see cref="EditContext"/>. Blazor's inputs decide aria-invalid from the
/// EditContext alone (they drop an aria-invalid passed to them when it holds no message), so this is what marks an
/// input invalid for screen readers; the messages themselves are shown by <c>FieldMessages</c> next to each input.
/// </summary>
public static class ApiFieldMessages
{
    /// <param name="fields">The API's field name (as <see cref="ApiProblem.For"/> takes it) → the form model's property.</param>
    public static void Apply(EditContext context, ValidationMessageStore store, ApiProblem? problem, IReadOnlyDictionary<string, string> fields)
    {
        store.Clear();
        if (problem is not null)
        {
            foreach (var (apiField, property) in fields)
            {
                if (problem.For(apiField) is { Count: > 0 } messages)
                    store.Add(context.Field(property), messages);
            }
        }
        context.NotifyValidationStateChanged();
    }
}
