#pragma once

namespace cp {

// Registers the icons compiled into the binary (":/icons/…"). Safe to call more than once.
void initResources();

} // namespace cp
