#pragma once

#include "db/storeerror.h"

#include <QByteArray>
#include <QCoreApplication>

#include <istream>

namespace cp {

// Reads what an import reads (a roster CSV, an incident JSON), never more than MaxBytes: a
// mistaken /dev/zero or a huge file is refused with a clear message instead of filling memory.
class ImportFile final
{
    Q_DECLARE_TR_FUNCTIONS(cp::ImportFile)
public:
    // 64 MiB: a 100,000-person roster is about 10 MiB, a 5,000-entry incident about 3 MiB.
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;

    static Result<QByteArray> read(const QString &path, qint64 maxBytes = MaxBytes);
    static Result<QByteArray> read(std::istream &in, const QString &name, qint64 maxBytes = MaxBytes);
};

} // namespace cp
