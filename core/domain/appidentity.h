#pragma once

namespace cp {

// Names the application the same way in every executable, so the GUI and the CLI agree on
// the default database (QStandardPaths::AppDataLocation) and settings location, and installs
// its translations (at least the English plural forms: "1 role", "6 roles").
// Call right after constructing the Q*Application.
void applyAppIdentity();

} // namespace cp
