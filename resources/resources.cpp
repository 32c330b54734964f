#include <QtGlobal>

// Q_INIT_RESOURCE declares a function in the current namespace, so it lives outside cp.
static void initCommandPostResources()
{
    Q_INIT_RESOURCE(commandpost_resources);
}

namespace cp {

void initResources()
{
    initCommandPostResources();
}

} // namespace cp
