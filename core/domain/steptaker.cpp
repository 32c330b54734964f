#include "steptaker.h"

namespace cp {

namespace {

QString namesOf(const QList<RoleHolder> &holders)
{
    QStringList names;
    for (const RoleHolder &h : holders)
        names << h.name;
    return names.join(QStringLiteral(", "));
}

} // namespace

QString StepTakers::actingForOthers(const Staffing &staffing, const StepSigner &signer, const QString &author)
{
    const QString actingFor = signer.actingFor.trimmed();
    if (!staffing.loginIsProof || actingFor.isEmpty() || actingFor.compare(author.trimmed(), Qt::CaseInsensitive) == 0)
        return {};
    const QList<RoleHolder> all = staffing.holders + staffing.commanders;
    const auto named = holderNamed(all, actingFor);
    if (named && holderNamed({*named}, author))
        return {}; // the author named themselves by handle or name
    return tr("On a team server each step is taken under its holder's own login: %1 cannot enter it for %2.")
        .arg(author.trimmed(), actingFor);
}

QString StepTaker::note() const
{
    QString text;
    if (isOverride())
        text = StepTakers::tr("taken by the IC %1 in place of the %2").arg(by, roleTitle);
    else if (roleVacant)
        text = StepTakers::tr("by %1 (no %2 is assigned)").arg(by, roleTitle);
    else if (!draftedFor.isEmpty())
        text = StepTakers::tr("by %1 for the %2 %3").arg(by, roleTitle, draftedFor);
    else
        text = StepTakers::tr("by %1 (%2)").arg(by, roleTitle);
    if (!enteredByTaker)
        text += StepTakers::tr(", entered by %1").arg(enteredBy);
    return text;
}

QString StepTaker::comment(const QString &remark) const
{
    const QString trimmed = remark.trimmed();
    if (!isOverride())
        return trimmed;
    const QString overridden = StepTakers::tr("IC override: %1").arg(overrideReason);
    return trimmed.isEmpty() ? overridden : overridden + QStringLiteral(" — ") + trimmed;
}

QStringList StepTakers::commanderRoleKeys()
{
    return {QStringLiteral("ic"), QStringLiteral("incident-manager")};
}

StepTakers::Staffing StepTakers::staffingFor(MessageStep step, const QString &audience,
                                             const std::function<QList<RoleHolder>(const QString &)> &holdersOf)
{
    Staffing staffing;
    for (const QString &key : commanderRoleKeys())
        staffing.commanders << holdersOf(key);
    if (step == MessageStep::Draft) {
        staffing.roleTitle = BusinessVocabulary::stepRoleTitle(step);
        staffing.holders = holdersOf(BusinessVocabulary::stepRoleKey(step));
        staffing.overridable = false; // a draft is not approved: nothing to override
    } else if (step == MessageStep::IcAuthorisation) {
        staffing.roleTitle = BusinessVocabulary::stepRoleTitle(step);
        staffing.holders = staffing.commanders;
        staffing.overridable = false;
    } else if (step == MessageStep::Send) {
        const QString key = BusinessVocabulary::senderRoleKey(audience);
        staffing.roleTitle = BusinessVocabulary::roleTitle(key);
        staffing.holders = holdersOf(key);
    } else {
        staffing.roleTitle = BusinessVocabulary::stepRoleTitle(step);
        staffing.holders = holdersOf(BusinessVocabulary::stepRoleKey(step));
    }
    return staffing;
}

std::optional<RoleHolder> StepTakers::holderNamed(const QList<RoleHolder> &holders, const QString &handleOrName)
{
    const QString wanted = handleOrName.trimmed();
    if (wanted.isEmpty())
        return std::nullopt;
    for (const RoleHolder &h : holders) {
        if (h.handle.compare(wanted, Qt::CaseInsensitive) == 0 || h.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return h;
    }
    return std::nullopt;
}

std::optional<StepTaker> StepTakers::forApproval(const Staffing &staffing, const StepSigner &signer,
                                                 const QString &author, QString *problem)
{
    StepTaker taker;
    taker.enteredBy = author.trimmed();
    taker.roleTitle = staffing.roleTitle;
    const QString actingFor = signer.actingFor.trimmed();
    const QString reason = signer.overrideReason.trimmed();
    if (const QString problemOfLogin = actingForOthers(staffing, signer, taker.enteredBy); !problemOfLogin.isEmpty()) {
        *problem = problemOfLogin;
        return std::nullopt;
    }
    if (!reason.isEmpty()) {
        if (!staffing.overridable) {
            *problem = tr("The %1's own step has no override: the IC takes it.").arg(staffing.roleTitle);
            return std::nullopt;
        }
        if (staffing.commanders.isEmpty()) {
            *problem = tr("Nobody holds the IC role, so nobody can take the %1's step in their place.")
                           .arg(staffing.roleTitle);
            return std::nullopt;
        }
        const QString ic = actingFor.isEmpty() ? taker.enteredBy : actingFor;
        const auto commander = holderNamed(staffing.commanders, ic);
        if (!commander) {
            *problem = tr("Only the IC (%1) can take the %2's step in their place; %3 is not the IC.")
                           .arg(namesOf(staffing.commanders), staffing.roleTitle, ic);
            return std::nullopt;
        }
        taker.by = commander->name;
        taker.overrideReason = reason;
        taker.enteredByTaker = actingFor.isEmpty();
        return taker;
    }
    const QString vacant =
        tr("Nobody holds the %1 role: assign one, or the IC takes the step in their place with a reason.")
            .arg(staffing.roleTitle);
    if (!actingFor.isEmpty()) {
        const auto holder = holderNamed(staffing.holders, actingFor);
        if (!holder) {
            *problem = staffing.holders.isEmpty() ? vacant
                                                  : tr("%1 does not hold the %2 role (held by %3).")
                                                        .arg(actingFor, staffing.roleTitle, namesOf(staffing.holders));
            return std::nullopt;
        }
        taker.by = holder->name;
        taker.enteredByTaker = holderNamed({*holder}, taker.enteredBy).has_value();
        return taker;
    }
    if (const auto self = holderNamed(staffing.holders, taker.enteredBy)) {
        taker.by = self->name;
        taker.enteredByTaker = true;
        return taker;
    }
    *problem = staffing.holders.isEmpty()
                   ? vacant
                   : tr("%1 does not hold the %2 role (held by %3): take the step for them, or as the IC's override "
                        "with a reason.")
                         .arg(taker.enteredBy, staffing.roleTitle, namesOf(staffing.holders));
    return std::nullopt;
}

std::optional<StepTaker> StepTakers::forDraft(const Staffing &staffing, const StepSigner &signer, const QString &author,
                                              QString *problem)
{
    StepTaker taker;
    taker.enteredBy = author.trimmed();
    taker.roleTitle = staffing.roleTitle;
    if (!signer.overrideReason.trimmed().isEmpty()) {
        *problem = tr("A draft needs no override: say which %1 it is drafted for.").arg(staffing.roleTitle);
        return std::nullopt;
    }
    const QString actingFor = signer.actingFor.trimmed();
    if (const QString problemOfLogin = actingForOthers(staffing, signer, taker.enteredBy); !problemOfLogin.isEmpty()) {
        *problem = problemOfLogin;
        return std::nullopt;
    }
    std::optional<RoleHolder> holder;
    if (!actingFor.isEmpty()) {
        holder = holderNamed(staffing.holders, actingFor);
        if (!holder) {
            *problem = staffing.holders.isEmpty()
                           ? tr("Nobody holds the %1 role; leave out whom the draft is for.").arg(staffing.roleTitle)
                           : tr("%1 does not hold the %2 role (held by %3).")
                                 .arg(actingFor, staffing.roleTitle, namesOf(staffing.holders));
            return std::nullopt;
        }
    } else {
        holder = holderNamed(staffing.holders, taker.enteredBy);
        if (!holder && staffing.loginIsProof && !staffing.holders.isEmpty()) {
            // The server records the login's person: the draft is theirs, for the role's holder.
            taker.by = taker.enteredBy;
            taker.enteredByTaker = true;
            taker.draftedFor = staffing.holders.constFirst().name;
            return taker;
        }
        if (!holder && staffing.holders.size() == 1)
            holder = staffing.holders.constFirst();
    }
    if (holder) {
        taker.by = holder->name;
        taker.enteredByTaker = holderNamed({*holder}, taker.enteredBy).has_value();
        return taker;
    }
    if (staffing.holders.isEmpty()) {
        taker.by = taker.enteredBy;
        taker.roleVacant = true;
        taker.enteredByTaker = true;
        return taker;
    }
    *problem = tr("Say which %1 the draft is for: %2.").arg(staffing.roleTitle, namesOf(staffing.holders));
    return std::nullopt;
}

} // namespace cp
