package org.tacecrf.domain.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.casebook.FormLogic;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CodeValue;
import org.tacecrf.domain.check.EvaluationException;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.check.ValueResolver;
import org.tacecrf.domain.study.CheckContext;
import org.tacecrf.domain.study.CheckParameter;
import org.tacecrf.domain.study.ResolvedPath;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.SubjectSchema;

/**
 * Reads the values of an expression's paths from a subject's data, for an expression running at a
 * place: the subject, a visit occurrence, a form instance, a row of a repeating group. What a path
 * means and whether it has several values is decided by {@link SubjectSchema#locate}, the rules the
 * loader validated the expression with; values are converted by {@link FormLogic#toValue}.
 * <pre>{@code
 * SubjectResolver r = SubjectResolver.forSubject(study, data, today).inForm(session).inRow("microspheres", 2);
 * r.resolve(Reference.of("vials"));                              // this row's number of vials
 * r.resolve(Reference.of("subject.tace_session.procedure_date")); // every session's date, a list
 * r.parameter("max_dose_per_vial_mg");                           // the limit for this row's drug
 * }</pre>
 * Several values come in schedule order of the visits, then occurrence, form instance and row order.
 * A path that names nothing from here, or an unknown parameter, is an {@link EvaluationException}
 * (the check's outcome is ERROR): the loader rejects such expressions, so it means the check runs
 * somewhere it was not validated for.
 */
public final class SubjectResolver implements ValueResolver {

    private final StudyDefinition study;
    private final SubjectSchema schema;
    private final SubjectData data;
    private final SubjectData.VisitInstance visit;
    private final SubjectData.FormInstance form;
    private final int row;
    private final LocalDate today;

    SubjectResolver(StudyDefinition study, SubjectSchema schema, SubjectData data, SubjectData.VisitInstance visit,
                    SubjectData.FormInstance form, int row, LocalDate today) {
        this.study = Objects.requireNonNull(study, "study");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.data = Objects.requireNonNull(data, "data");
        this.visit = visit;
        this.form = form;
        this.row = row;
        this.today = Objects.requireNonNull(today, "today");
        CheckContext c = schema.context();
        if (!Objects.equals(c.visitId(), visit == null ? null : visit.visitId())
                || !Objects.equals(c.formId(), form == null ? null : form.formId())
                || (c.rowGroupId() != null) != (row > 0)) {
            throw new IllegalArgumentException("the schema of " + c + " does not fit the place the resolver reads from");
        }
    }

    /** Reads for a subject-level expression: no current visit or form. */
    public static SubjectResolver forSubject(StudyDefinition study, SubjectData data, LocalDate today) {
        return new SubjectResolver(study, SubjectSchema.of(study, CheckContext.subject()), data, null, null, 0, today);
    }

    /** Reads for a visit-level expression at the occurrence. */
    public SubjectResolver atVisit(SubjectData.VisitInstance occurrence) {
        return new SubjectResolver(study, SubjectSchema.of(study, CheckContext.visit(occurrence.visitId())), data,
                occurrence, null, 0, today);
    }

    /** Reads for an expression in the form instance, at its visit occurrence. */
    public SubjectResolver inForm(SubjectData.FormInstance instance) {
        return new SubjectResolver(study, SubjectSchema.of(study, CheckContext.form(instance.visit().visitId(),
                instance.formId())), data, instance.visit(), instance, 0, today);
    }

    /** Reads for an expression in one row (from 1) of a repeating group of the current form. */
    public SubjectResolver inRow(String groupId, int rowNumber) {
        if (form == null) {
            throw new IllegalStateException("a row belongs to a form: call inForm first");
        }
        if (rowNumber < 1) {
            throw new IllegalArgumentException("rows are numbered from 1");
        }
        return new SubjectResolver(study, SubjectSchema.of(study, CheckContext.row(visit.visitId(), form.formId(),
                groupId)), data, visit, form, rowNumber, today);
    }

    /** The schema the paths are resolved with. */
    public SubjectSchema schema() {
        return schema;
    }

    @Override
    public Value resolve(Reference reference) {
        ResolvedPath path = schema.locate(reference).orElseThrow(() -> new EvaluationException("'" + reference.path()
                + "' names no item from " + schema.context()));
        List<Value> values = new ArrayList<>();
        for (SubjectData.FormInstance instance : instances(path)) {
            for (int r : rows(path, instance)) {
                StoredValue stored = instance.values().get(new ItemKey(path.group().id(), r, path.item().id()));
                values.add(FormLogic.toValue(path.item(), stored, study));
            }
        }
        if (path.multiple()) {
            return Value.list(values);
        }
        return values.isEmpty() ? Value.empty() : values.get(0);
    }

    private List<SubjectData.FormInstance> instances(ResolvedPath path) {
        if (path.currentForm()) {
            return List.of(form);
        }
        String formId = path.form().id();
        if (path.currentVisit()) {
            return data.forms().stream().filter(f -> f.visit().id() == visit.id() && f.formId().equals(formId))
                    .sorted(Comparator.comparingInt(SubjectData.FormInstance::repeatKey)).toList();
        }
        List<String> visitIds = path.visitIds();
        Comparator<SubjectData.FormInstance> order = Comparator
                .comparingInt((SubjectData.FormInstance f) -> visitIds.indexOf(f.visit().visitId()))
                .thenComparingInt(f -> f.visit().repeatKey())
                .thenComparingInt(SubjectData.FormInstance::repeatKey);
        return data.forms().stream().filter(f -> f.formId().equals(formId) && visitIds.contains(f.visit().visitId()))
                .sorted(order).toList();
    }

    private List<Integer> rows(ResolvedPath path, SubjectData.FormInstance instance) {
        if (path.currentRow()) {
            return List.of(row);
        }
        if (!path.group().repeating()) {
            return List.of(1);
        }
        return rowsOf(instance, path.group().id());
    }

    /** The rows of a repeating group that hold any value, in order. */
    static List<Integer> rowsOf(SubjectData.FormInstance instance, String groupId) {
        return instance.values().keySet().stream().filter(k -> k.groupId().equals(groupId)).map(ItemKey::groupRepeat)
                .distinct().sorted().toList();
    }

    @Override
    public Value parameter(String name) {
        CheckParameter parameter = CheckParameter.byName(name)
                .orElseThrow(() -> new EvaluationException("study parameter '$" + name + "' is not defined"));
        if (schema.parameter(name).isEmpty()) {
            throw new EvaluationException("study parameter '$" + name + "' cannot be used from " + schema.context());
        }
        if (!parameter.rowDependent()) {
            return Value.number(parameter.value(study.parameters()).orElseThrow());
        }
        Optional<ResolvedPath> drug = schema.drugItem();
        Value code = drug.map(p -> resolve(p.reference())).orElse(Value.empty());
        return code instanceof CodeValue c
                ? study.parameters().dose().maxPerVialMg(c.code()).map(Value::number).orElse(Value.empty())
                : Value.empty();
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
