#pragma once

namespace cp {

// Names the application the same way in every executable, so the GUI and the CLI agree on
// the default database (QStandardPaths::AppDataLocation) and settings location.
// Call right after constructing the Q*Application.
void applyAppIdentity();

} // namespace cp
