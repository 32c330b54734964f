#pragma once

namespace cp::StartupTrace {

// With QT_LOGGING_RULES="commandpost.startup.debug=true", prints how long after the first mark
// (the start of main()) each step of the start ended, on the clock and in the main thread's processor
// time: where start-up time goes, without a profiler. Costs nothing otherwise.
void mark(const char *step);

} // namespace cp::StartupTrace
