#include "libpq.h"

#include <QCoreApplication>
#include <QLibrary>

namespace cp {

struct LibPq::Loaded
{
    const LibPq *library = nullptr;
    QString problem; // the loader's own words when library is nullptr
};

namespace {

template <typename Function> bool resolve(QLibrary &library, const char *name, Function &function)
{
    function = reinterpret_cast<Function>(library.resolve(name));
    return function != nullptr;
}

} // namespace

const LibPq *LibPq::instance()
{
    return loaded().library;
}

QString LibPq::problem()
{
    const QString why = loaded().problem;
    if (why.isEmpty())
        return {};
    return QCoreApplication::translate("cp::LibPq", "Team mode needs the PostgreSQL client library (libpq5): %1")
        .arg(why);
}

const LibPq::Loaded &LibPq::loaded()
{
    static const Loaded result = [] {
        // The soname the QPSQL driver links, so that both share one copy; never unloaded.
        QLibrary library(QStringLiteral("pq"), 5);
        library.setLoadHints(QLibrary::PreventUnloadHint);
        static LibPq pq;
        if (!library.load() || !resolve(library, "PQconninfoParse", pq.conninfoParse) ||
            !resolve(library, "PQconninfoFree", pq.conninfoFree) || !resolve(library, "PQfreemem", pq.freemem) ||
            !resolve(library, "PQstatus", pq.status) || !resolve(library, "PQsocket", pq.socket) ||
            !resolve(library, "PQconsumeInput", pq.consumeInput) || !resolve(library, "PQnotifies", pq.notifies) ||
            !resolve(library, "PQconnectdbParams", pq.connectdbParams) ||
            !resolve(library, "PQerrorMessage", pq.errorMessage) || !resolve(library, "PQfinish", pq.finish))
            return Loaded{nullptr, library.errorString()};
        return Loaded{&pq, QString()};
    }();
    return result;
}

} // namespace cp
