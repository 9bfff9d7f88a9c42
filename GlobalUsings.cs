// The usings every step-definition and hook file needs, in one place.
global using FluentAssertions;
global using Reqnroll;
global using Netra.Acceptance.Support.Context;
global using Netra.Acceptance.Support.Drivers;
