#pragma once

#include "db/incidentstore.h"

#include <QHash>
#include <QString>

namespace cp::test {

// Gives an incident the roles of the message approval chain (the technical and the business
// response roles) and one holder for each role in holders (role key -> handle; the person is added
// when missing, with the handle as name). A role that already has a holder keeps it. Empty on
// success, else what went wrong.
QString staffApprovalChain(IncidentStore &store, qint64 incidentId, const QHash<QString, QString> &holders);

// technical-slt sam, legal-officer lee, messaging-officer mia, elt-approver ceo, ic ana,
// marketing-officer mo, business-customer-liaison cleo.
QHash<QString, QString> defaultChainHolders();

} // namespace cp::test
