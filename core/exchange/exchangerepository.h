#pragma once

#include "db/storeerror.h"
#include "incidentdocument.h"

#include <QCoreApplication>

namespace cp {

class IncidentStore;

// The whole-incident document over the store: every row of the incident in every section of
// IncidentFormat (the section → table map), ids made document-local; and back again.
class ExchangeRepository final
{
    Q_DECLARE_TR_FUNCTIONS(cp::ExchangeRepository)
public:
    // In one read transaction, so every section sees the same moment.
    static Result<IncidentDocument> exportIncident(const IncidentStore &store, qint64 incidentId);
    // A validated document (IncidentJson::read) as a new incident, all in one transaction, with
    // fresh ids; people and departments already present (same handle / key) are reused.
    static Result<qint64> importIncident(IncidentStore &store, const IncidentDocument &document);
};

} // namespace cp
