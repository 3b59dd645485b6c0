namespace BackOffice.Core.Common;

public static class Permissions
{
    /// <summary>Throws 403 unless the actor holds one of the roles.</summary>
    public static void Require(Actor actor, params string[] roles)
    {
        if (!actor.HasAnyRole(roles))
            throw new ForbiddenException($"This needs one of the roles: {string.Join(", ", roles)}.");
    }
}
