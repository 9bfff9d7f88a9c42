// The usings every step-definition and hook file needs, in one place. A team switching to the
// Reqnroll package replaces `GherkinEngine` with `Reqnroll` here (see engine/README.md).
global using FluentAssertions;
global using GherkinEngine;
global using Netra.Acceptance.Support.Context;
global using Netra.Acceptance.Support.Drivers;
