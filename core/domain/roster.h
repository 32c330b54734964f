#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cp {

// A department of the business (seed 001): who to contact first, how its on-call works, and
// where to go when the contact does not answer.
struct Department
{
    qint64 id = 0;
    QString key;  // "engineering"
    QString name; // "Engineering"
    QString primaryContact;
    QString onCallRotation;
    QString escalationPath;

    bool operator==(const Department &) const = default;
};

struct Person
{
    qint64 id = 0;
    QString name;   // "Ana Lima"
    QString handle; // "ana": unique, what people type
    QString team;
    QString departmentKey; // empty: none
    QString contact;       // phone, chat handle …
    QStringList trainedRoles; // role keys: "ic", "deputy" …
    bool trainee = false;     // shadows calls; never the sole holder of a required role

    bool operator==(const Person &) const = default;
};

} // namespace cp
