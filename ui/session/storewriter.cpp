#include "storewriter.h"

#include "db/incidentstore.h"
#include "preferences.h"
#include "undo/storecommands.h"

namespace cp {

StoreWriter::StoreWriter(IncidentStore &store, SaveStatus &saveStatus, const Preferences &preferences)
    : m_store(store), m_saveStatus(saveStatus), m_preferences(preferences)
{
}

QString StoreWriter::author() const
{
    const QString stamped = m_store.session().stampedAuthor();
    return stamped.isEmpty() ? m_preferences.authorName() : stamped;
}

StoreError StoreWriter::writeOnce(std::function<StoreError()> body) const
{
    OneWayWrite write(m_store, &m_saveStatus, std::move(body));
    return StoreCommand::carryOut(write);
}

} // namespace cp
