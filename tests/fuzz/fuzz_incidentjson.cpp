// libFuzzer target: the whole-incident JSON reader (#7); what it accepts must write out again.
#include "exchange/incidentjson.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto document = cp::IncidentJson::read(bytes);
    if (document)
        cp::IncidentJson::write(*document);
    return 0;
}
