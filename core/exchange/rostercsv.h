#pragma once

#include "csvwriter.h"

#include "domain/roster.h"

#include <QCoreApplication>

namespace cp {

// The roster and directory CSV formats (docs/formats.md). Reading checks every line before
// returning anything; the first problem is reported with its line number.
//
//   people:       name,handle,team,department,contact,trained_roles,trainee
//   departments:  key,name,primary_contact,oncall_rotation,escalation_path
//
// The header row is required; columns may come in any order; name and handle (people) or
// key and name (departments) are required; unknown columns are an error (a typo must not
// silently drop data).
class RosterCsv
{
    Q_DECLARE_TR_FUNCTIONS(cp::RosterCsv)
public:
    enum class Kind
    {
        People,
        Departments
    };

    // Tells the two apart by their header row.
    static Kind detect(const QByteArray &bytes);
    static bool readPeople(const QByteArray &bytes, QList<Person> *people, QString *error);
    static bool readDepartments(const QByteArray &bytes, QList<Department> *departments, QString *error);
    static QByteArray writePeople(const QList<Person> &people,
                                  CsvWriter::Flavour flavour = CsvWriter::Flavour::Rfc4180);
    static QByteArray writeDepartments(const QList<Department> &departments,
                                       CsvWriter::Flavour flavour = CsvWriter::Flavour::Rfc4180);
};

} // namespace cp
