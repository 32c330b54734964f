#pragma once

#include "business.h"
#include "incidentrole.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace cp {

// What the person at the keyboard says about a step of a message's approval chain. On one laptop
// one person often enters the steps of several: they say whom they act for, and the step is
// recorded as taken by that holder of the role. The IC may take a step in the holder's place,
// which is recorded as an override with its reason.
struct StepSigner
{
    QString actingFor;      // handle or name of the role holder (or IC) acted for; empty: the author
    QString overrideReason; // non-empty: the IC takes the step in the role holder's place
};

// Who a step is recorded as taken by, and who entered it.
struct StepTaker
{
    QString by;                  // the role holder, or the IC overriding: recorded on the step
    QString enteredBy;           // who typed it: the author of the timeline entry
    QString roleTitle;           // the step's role ("Legal Officer")
    QString overrideReason;      // non-empty: the IC's override
    bool roleVacant = false;     // a draft while nobody holds the Technical SLT role
    bool enteredByTaker = false; // the author is the one recorded (no "entered by")
    QString draftedFor;          // team mode: the Technical SLT a draft by somebody else is for

    bool isOverride() const { return !overrideReason.isEmpty(); }
    // What the timeline says of it: "by lee (Legal Officer), entered by mia".
    QString note() const;
    // The comment recorded on the step: the override and its reason first, then the remark.
    QString comment(const QString &remark) const;
};

// The rule that the people holding the roles take the steps, not whoever is at the keyboard.
class StepTakers
{
    Q_DECLARE_TR_FUNCTIONS(cp::StepTakers)
public:
    // Who may take a step: the holders of its role, and the IC (who may override).
    struct Staffing
    {
        QString roleTitle;
        QList<RoleHolder> holders;
        QList<RoleHolder> commanders; // holders of commanderRoleKeys()
        bool overridable = true;      // false for the IC's own step
        // Team mode: the server stamps every step with the login's person, so nobody enters a
        // step for someone else; each holder takes it under their own login.
        bool loginIsProof = false;
    };

    // Who may take 'step' of a message to 'audience'; holdersOf(roleKey) gives a role's holders.
    static Staffing staffingFor(MessageStep step, const QString &audience,
                                const std::function<QList<RoleHolder>(const QString &roleKey)> &holdersOf);

    // An approval step (a review, the final approval, the authorisation, sending): taken by a
    // holder of the role, the author or the one they act for; or, with a reason, by the IC in the
    // holder's place. Anyone else, or an author acting for nobody named, is refused (*problem).
    static std::optional<StepTaker> forApproval(const Staffing &staffing, const StepSigner &signer,
                                                const QString &author, QString *problem);
    // A draft or a revision is the Technical SLT's: the author when they hold the role, the holder
    // they act for, or the only holder (recorded as drafted for them). With the role vacant it is
    // the author's; with several holders and none named it is refused.
    static std::optional<StepTaker> forDraft(const Staffing &staffing, const StepSigner &signer, const QString &author,
                                             QString *problem);

    // Team mode refuses a step entered for somebody else (empty: nothing to refuse).
    static QString actingForOthers(const Staffing &staffing, const StepSigner &signer, const QString &author);

    // The roles whose holder is the IC: "ic" (technical response), "incident-manager".
    static QStringList commanderRoleKeys();
    // The holder this handle or name (case-insensitive) stands for; nullopt: none of them.
    static std::optional<RoleHolder> holderNamed(const QList<RoleHolder> &holders, const QString &handleOrName);
};

} // namespace cp
