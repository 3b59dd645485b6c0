namespace BackOffice.Core.Common;

/// <summary>Base of the errors a use case raises on purpose; each host maps them to problem details once.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>Unknown id, or one the actor may not know exists.</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

public sealed class ForbiddenException(string reason) : DomainException(reason);

/// <summary>The request is well-formed but the aggregate is not in a state that allows it.</summary>
public sealed class ConflictException(string reason) : DomainException(reason);

/// <summary>The If-Match version is not the stored one: somebody else changed the record first.</summary>
public sealed class ConcurrencyConflictException(string what)
    : DomainException($"{what} was changed by someone else; reload it and try again.");

public sealed class PreconditionRequiredException()
    : DomainException("This update needs an If-Match header with the record's current ETag.");

/// <summary>A request body over its size limit (413), named by the field it carries.</summary>
public sealed class ContentTooLargeException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>Field errors keyed by the request field's JSON name.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A store was asked to write a record under another tenant's scope: a programming error, never user input.</summary>
public sealed class TenantIsolationException(string message) : Exception(message);
